import 'reflect-metadata';
import { AppConfig, validateEnvironment } from '@civic/config';
import { SandboxChannels, SandboxModule } from '@civic/sandbox';
import { WorkerModule } from '../../worker/src/worker.module';
import { createApiApp } from './create-api-app';
import { announceStart, startFacts } from './start-banner';

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
  const config = app.get(AppConfig);
  announceStart(await startFacts(app, config, { sandbox: sandbox !== null, worker: withWorker }), config);
}

bootstrap().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
