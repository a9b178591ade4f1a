// One-shot schema migration before any api or worker replica starts, so replicas booting together
// never race to apply the same migration (each process also runs pending migrations at start-up),
// and the job queue's schema: pg-boss 10 replicas creating it at the same moment can fail with a
// duplicate pg_namespace key.
const PgBoss = require('pg-boss');
const { DataSource } = require('typeorm');
const { buildDataSourceOptions } = require('../dist/libs/database/src/data-source-options');

async function main() {
  if (!process.env.DATABASE_URL) {
    throw new Error('DATABASE_URL is required');
  }
  const dataSource = new DataSource(buildDataSourceOptions(process.env.DATABASE_URL, 1));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    console.log(
      applied.length ? `Applied migrations: ${applied.map((m) => m.name).join(', ')}` : 'Schema is up to date',
    );
  } finally {
    await dataSource.destroy();
  }
  const boss = new PgBoss({ connectionString: process.env.DATABASE_URL, schedule: false, supervise: false, max: 1 });
  await boss.start();
  await boss.stop({ graceful: false, wait: true, close: true });
  console.log('Job queue schema is installed');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
