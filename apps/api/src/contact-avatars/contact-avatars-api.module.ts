import { Module } from '@nestjs/common';
import { MediaModule } from '@civic/media';
import { ContactAvatarController } from './contact-avatar.controller';

@Module({ imports: [MediaModule], controllers: [ContactAvatarController] })
export class ContactAvatarsApiModule {}
