import { OpenAPIRegistry, OpenApiGeneratorV3 } from '@asteasolutions/zod-to-openapi';

/** Every route registers itself here from the same zod schemas that validate its requests. */
export const openApiRegistry = new OpenAPIRegistry();

openApiRegistry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'cb.sid' });
openApiRegistry.registerComponent('securitySchemes', 'intakeKey', { type: 'apiKey', in: 'header', name: 'X-Api-Key' });

export function openApiDocument() {
  return new OpenApiGeneratorV3(openApiRegistry.definitions).generateDocument({
    openapi: '3.0.3',
    info: {
      title: 'Callboard API',
      version: '1.0.0',
      description:
        'Call-centre order workbench. Errors: {"error": {"code", "message", "details"?}}. Lists: {items, total, page, limit}.',
    },
    servers: [{ url: '/' }],
  });
}
