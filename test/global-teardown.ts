import 'tsconfig-paths/register';
import { dropTemplate } from '../libs/testing/src/test-database';

export default async function globalTeardown(): Promise<void> {
  await dropTemplate();
}
