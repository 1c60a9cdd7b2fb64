// jsdom lacks fetch and its AbortSignal is not the one Node's fetch accepts: give the test
// window Node's own networking classes, so RTK Query runs as in a browser and tests mock fetch.
const { TestEnvironment } = require('jest-environment-jsdom');

class JsdomWithFetch extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    const g = this.global;
    for (const name of [
      'fetch',
      'Request',
      'Response',
      'Headers',
      'FormData',
      'Blob',
      'AbortController',
      'AbortSignal',
      'TextEncoder',
      'TextDecoder',
      'structuredClone',
      'ReadableStream',
    ]) {
      g[name] = globalThis[name];
    }
    if (!g.crypto?.randomUUID) g.crypto = globalThis.crypto;
  }
}

module.exports = JsdomWithFetch;
