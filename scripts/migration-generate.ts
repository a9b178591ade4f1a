/**
 * npm run migration:generate -- <Name>
 * Migrates a scratch database (DATABASE_URL, or a throwaway embedded one), asks TypeORM what the
 * entities need beyond it, and writes that as libs/domain/src/migrations/<timestamp>-<name>.migration.ts,
 * registered in the migrations index. Writes nothing when entities and migrations agree.
 */
import 'reflect-metadata';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, EmbeddedPostgres, pendingSchemaChanges } from '@civic/database';

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    console.error('usage: npm run migration:generate -- PascalCaseName');
    process.exit(2);
  }
  let embedded: EmbeddedPostgres | null = null;
  let scratch: string | null = null;
  let url = process.env.DATABASE_URL;
  if (!url) {
    scratch = mkdtempSync(join(tmpdir(), 'civic-migrate-'));
    embedded = await EmbeddedPostgres.start(scratch);
    url = embedded.url;
  }
  const dataSource = new DataSource(buildDataSourceOptions(url, 2));
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const { up, down } = await pendingSchemaChanges(dataSource);
    if (up.length === 0) {
      console.log('No changes: entities and migrations agree.');
      return;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const fileBase = `${timestamp}-${name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}.migration`;
    const q = (s: string) => `    await queryRunner.query(${JSON.stringify(s)});`;
    const body = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${up.map(q).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${down.reverse().map(q).join('\n')}
  }
}
`;
    const dir = join(__dirname, '..', 'libs', 'domain', 'src', 'migrations');
    writeFileSync(join(dir, `${fileBase}.ts`), body);
    const indexPath = join(dir, 'index.ts');
    const index = readFileSync(indexPath, 'utf8')
      .replace(/^(import[^\n]*\n)*/m, (imports) => `${imports}import { ${className} } from './${fileBase}';\n`)
      .replace(/\];\s*$/, `  ${className},\n];\n`);
    writeFileSync(indexPath, index);
    console.log(`Wrote libs/domain/src/migrations/${fileBase}.ts (${up.length} statements) and registered it.`);
  } finally {
    if (dataSource.isInitialized) {
      await dataSource.destroy();
    }
    await embedded?.stop();
    if (scratch) {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
