import { DynamicModule, Module } from '@nestjs/common';
import { DemoHistoryModule } from './demo-history/demo-history.module';
import { SandboxChannels } from './sandbox-channels';
import { SANDBOX_CHANNELS, SandboxService } from './sandbox.service';

@Module({})
export class SandboxModule {
  static register(channels: SandboxChannels): DynamicModule {
    return {
      module: SandboxModule,
      imports: [DemoHistoryModule],
      providers: [{ provide: SANDBOX_CHANNELS, useValue: channels }, SandboxService],
    };
  }
}
