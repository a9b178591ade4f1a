import { DynamicModule, Module } from '@nestjs/common';
import { SandboxChannels } from './sandbox-channels';
import { SANDBOX_CHANNELS, SandboxService } from './sandbox.service';

@Module({})
export class SandboxModule {
  static register(channels: SandboxChannels): DynamicModule {
    return { module: SandboxModule, providers: [{ provide: SANDBOX_CHANNELS, useValue: channels }, SandboxService] };
  }
}
