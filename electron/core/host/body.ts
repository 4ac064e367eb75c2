import type { IncomingMessage } from 'node:http';

// Reading a request body without letting one client hold the host: a size limit, and an end
// when the connection closes first (the server's request time limit closes a client that sends
// too slowly; see requestLimits in http.ts), so the handler never waits for ever.

export type BodyRead = { kind: 'ok'; text: string } | { kind: 'too-large' } | { kind: 'closed' };

export function readBody(req: IncomingMessage, limit: number): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is read and dropped, so the refusal can still be answered.
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? { kind: 'too-large' } : { kind: 'ok', text: Buffer.concat(chunks).toString('utf8') }));
    // After 'end' these change nothing: a promise settles once.
    req.on('error', () => resolve({ kind: 'closed' }));
    req.on('close', () => resolve({ kind: 'closed' }));
  });
}
