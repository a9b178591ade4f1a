import { Injectable } from '@nestjs/common';
import type { CitizenInboundHandler } from './citizen-inbound-handler';

/**
 * The handlers the inbound scanner runs, in order. A module that adds one injects this registry
 * and registers its handler in onModuleInit, so the scanner needs no list of features.
 */
@Injectable()
export class CitizenInboundHandlerRegistry {
  private readonly handlers: CitizenInboundHandler[] = [];

  register(handler: CitizenInboundHandler): void {
    this.handlers.push(handler);
    this.handlers.sort((a, b) => a.order - b.order);
  }

  /** Takes a handler out again (the readings benchmark compares the scanner with and without one). */
  unregister(handler: CitizenInboundHandler): void {
    const index = this.handlers.indexOf(handler);
    if (index >= 0) {
      this.handlers.splice(index, 1);
    }
  }

  list(): readonly CitizenInboundHandler[] {
    return this.handlers;
  }
}
