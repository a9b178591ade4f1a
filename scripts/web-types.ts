/**
 * Writes apps/web/src/api/openapi.gen.ts from the api's OpenAPI document, built without a database
 * or a server (Nest's preview mode scans the modules and controllers but instantiates nothing).
 * `npm run web:types -- --check` fails when the committed file is stale (CI runs it).
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { ApiModule } from '../apps/api/src/api.module';
import { buildOpenApiDocument } from '../apps/api/src/openapi-document';

const OUTPUT = join(__dirname, '..', 'apps', 'web', 'src', 'api', 'openapi.gen.ts');

async function main(): Promise<void> {
  const app = await NestFactory.create(ApiModule.register(), { preview: true, logger: false, abortOnError: false });
  const document = buildOpenApiDocument(app);
  await app.close();
  const dir = mkdtempSync(join(tmpdir(), 'civic-openapi-'));
  try {
    const input = join(dir, 'openapi.json');
    writeFileSync(input, JSON.stringify(document, null, 2));
    const cli = join(__dirname, '..', 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
    const check = process.argv.includes('--check') ? ['--check'] : [];
    execFileSync(process.execPath, [cli, input, '-o', OUTPUT, '--alphabetize', ...check], { stdio: 'inherit' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
