/** A real, tiny PCM WAV: 0.1 s of a 440 Hz tone, 8 kHz mono 8-bit. */
export function wav(): Buffer {
  const samples = Buffer.alloc(800);
  for (let i = 0; i < samples.length; i++)
    samples[i] = 128 + Math.round(100 * Math.sin((2 * Math.PI * 440 * i) / 8000));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(8000, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples.length, 40);
  return Buffer.concat([header, samples]);
}

/** An MP3: an ID3v2 tag followed by MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz: 417 bytes each). */
export function mp3(): Buffer {
  const id3 = Buffer.from([0x49, 0x44, 0x33, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);
  const frame = Buffer.alloc(417);
  frame.set([0xff, 0xfb, 0x90, 0x64]);
  return Buffer.concat([id3, frame, frame, frame]);
}
