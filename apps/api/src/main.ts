import 'reflect-metadata';
import { AppConfig, validateEnvironment } from '@civic/config';
import { SandboxChannels, SandboxModule } from '@civic/sandbox';
import { WorkerModule } from '../../worker/src/worker.module';
import { createApiApp } from './create-api-app';

async function bootstrap(): Promise<void> {
  const env = validateEnvironment(process.env);
  // `npm start` runs everything in one process; scaled deployments run api and worker apart.
  const withWorker = env.RUN_WORKER_IN_API ?? false;
  // Sandbox channels need the worker in this process: polling and replies must reach the fakes.
  const sandbox = withWorker && new AppConfig(process.env).sandboxEnabled ? await SandboxChannels.start() : null;
  const app = await createApiApp({
    config: sandbox?.configOverrides() ?? {},
    include: [...(withWorker ? [WorkerModule] : []), ...(sandbox ? [SandboxModule.register(sandbox)] : [])],
  });
  await app.listen(env.PORT, env.HOST);
  const url = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  console.log(`\n  civic-inbox is running: ${url}  (API docs: ${url}/docs, health: ${url}/health/ready)`);
  if (sandbox) {
    console.log('  Sandbox channels are on. Development sign-in: admin@belediye.local / civic-demo\n');
  }
}

bootstrap().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
