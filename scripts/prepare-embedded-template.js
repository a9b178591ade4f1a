#!/usr/bin/env node
// Creates dist/embedded-template: an embedded PostgreSQL data directory with every migration
// applied. `npm start` copies it on first start instead of creating and migrating a new cluster.
require('reflect-metadata');
const { rmSync, renameSync } = require('node:fs');
const { join } = require('node:path');
const { DataSource } = require('typeorm');
const { EmbeddedPostgres, EMBEDDED_TEMPLATE_DIR, buildDataSourceOptions } = require('../dist/libs/database/src');

async function main() {
  const building = `${EMBEDDED_TEMPLATE_DIR}.building`;
  rmSync(building, { recursive: true, force: true });
  const embedded = await EmbeddedPostgres.start(building);
  const dataSource = new DataSource(buildDataSourceOptions(embedded.url, 1));
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'all' });
  } finally {
    if (dataSource.isInitialized) {
      await dataSource.destroy();
    }
    await embedded.stop();
  }
  rmSync(EMBEDDED_TEMPLATE_DIR, { recursive: true, force: true });
  renameSync(building, EMBEDDED_TEMPLATE_DIR);
  console.log(`Embedded database template ready: ${join('dist', 'embedded-template')}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
