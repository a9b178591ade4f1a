import 'tsconfig-paths/register';
import 'reflect-metadata';
import { prepareTemplate } from '../libs/testing/src/test-database';

/** Migrates one template database for the whole run; every suite clones it. */
export default async function globalSetup(): Promise<void> {
  await prepareTemplate();
}
