import { Module } from '@nestjs/common';
import { AuditModule } from '@civic/audit';
import { MailModule } from '@civic/mail';
import { MentionDigestService } from './mention-digest.service';
import { MentionNotifierService } from './mention-notifier.service';
import { MentionQueryService } from './mention-query.service';
import { WatchlistsService } from './watchlists.service';

/** API side of mentions: watchlists, settings, queries, digests. */
@Module({
  imports: [AuditModule, MailModule],
  providers: [WatchlistsService, MentionQueryService, MentionDigestService, MentionNotifierService],
  exports: [WatchlistsService, MentionQueryService, MentionDigestService, MentionNotifierService],
})
export class MentionsModule {}
