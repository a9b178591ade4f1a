import type { INestApplication } from '@nestjs/common';
import { Clock } from '@civic/config';
import { OfficeCalendarService } from '@civic/office-hours';

const STEP_MS = 15 * 60_000;
const OPEN_SPAN_MS = 2 * 3_600_000;
const LOOK_BACK_MS = 60 * 24 * 3_600_000;

/**
 * Tests run at any hour (CI often at night or on a Sunday), and out of hours every new conversation
 * gets an automatic reply. The app's Clock is moved back to the latest moment from which the office
 * stays open for two hours, and runs on from there; a suite about office hours sets its own time.
 */
export async function pinClockToWorkingHours(app: INestApplication, organizationId: string): Promise<void> {
  const calendar = await app.get(OfficeCalendarService).calendarOf(organizationId);
  const staysOpen = (at: number) => {
    for (let step = 0; step <= OPEN_SPAN_MS; step += STEP_MS) {
      if (!calendar.isOpen(new Date(at + step))) {
        return false;
      }
    }
    return true;
  };
  const now = Date.now();
  if (staysOpen(now)) {
    return;
  }
  let at = Math.floor(now / STEP_MS) * STEP_MS;
  while (!staysOpen(at)) {
    at -= STEP_MS;
    if (now - at > LOOK_BACK_MS) {
      throw new Error('the test organization has no working hours in the last 60 days');
    }
  }
  const offset = now - at;
  app.get(Clock).now = () => new Date(Date.now() - offset);
}
