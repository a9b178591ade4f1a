import { Injectable } from '@nestjs/common';

/**
 * The time as the product sees it. Office hours, working-hour SLAs and automatic messages ask it
 * instead of `new Date()`, so tests can stand at 19:00 on 1 May (override the provider).
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
