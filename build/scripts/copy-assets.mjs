// tsc compiles only TypeScript: the SQL migrations travel to dist/ beside the code that reads them.
import { cpSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
cpSync(`${root}electron/core/db/migrations`, `${root}dist/electron/core/db/migrations`, { recursive: true });
