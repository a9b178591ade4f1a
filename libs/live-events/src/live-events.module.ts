import { Module } from '@nestjs/common';
import { LiveEventsHub } from './live-events.hub';
import { LiveEventsPublisher } from './live-events.publisher';

const PROVIDERS = [LiveEventsHub, LiveEventsPublisher];

/** The live-updates hub (one LISTEN per process) and the publisher. */
@Module({ providers: PROVIDERS, exports: PROVIDERS })
export class LiveEventsModule {}
