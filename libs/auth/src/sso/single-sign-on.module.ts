import { Module } from '@nestjs/common';
import { OpenIdProviderClient } from './open-id-provider-client';
import { PasswordSignInPolicy } from './password-sign-in-policy.service';
import { SingleSignOnSettingsService } from './single-sign-on-settings.service';
import { SingleSignOnService } from './single-sign-on.service';

/** OpenID Connect single sign-on; the HTTP side is in apps/api/src/auth/single-sign-on*.controller.ts. */
@Module({
  providers: [OpenIdProviderClient, SingleSignOnSettingsService, SingleSignOnService, PasswordSignInPolicy],
  exports: [SingleSignOnSettingsService, SingleSignOnService, PasswordSignInPolicy],
})
export class SingleSignOnModule {}
