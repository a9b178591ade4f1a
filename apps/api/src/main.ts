import 'reflect-metadata';
import { validateEnvironment } from '@civic/config';
import { WorkerModule } from '../../worker/src/worker.module';
import { createApiApp } from './create-api-app';

async function bootstrap(): Promise<void> {
  const env = validateEnvironment(process.env);
  // `npm start` runs everything in one process; scaled deployments run api and worker apart.
  const withWorker = env.RUN_WORKER_IN_API ?? false;
  const app = await createApiApp({ include: withWorker ? [WorkerModule] : [] });
  await app.listen(env.PORT, env.HOST);
  const url = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  console.log(`\n  civic-inbox is running: ${url}  (API docs: ${url}/docs, health: ${url}/health/ready)\n`);
}

bootstrap().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
