import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthPrincipal, CurrentPrincipal, Roles } from '@civic/auth';
import { CitizenMessageSettingsService } from '@civic/citizen-loop';
import { UserRole } from '@civic/domain';
import { CitizenMessagePreviewResponse, CitizenMessageSettingsResponse } from './citizen-message-settings.response';
import { PreviewCitizenMessageDto } from './preview-citizen-message.dto';
import { UpdateCitizenMessageSettingsDto } from './update-citizen-message-settings.dto';

/** The automatic messages to citizens: texts per kind and language, switches, templates, privacy notice (admin). */
@ApiTags('citizen-messages')
@ApiBearerAuth()
@Controller('api/v1/citizen-messages')
export class CitizenMessagesController {
  constructor(private readonly settings: CitizenMessageSettingsService) {}

  @Get('settings')
  @Roles(UserRole.Admin)
  @ApiOperation({
    summary: 'The automatic messages: every kind with its texts, switch and WhatsApp template; accounts (admin)',
  })
  @ApiOkResponse({ type: CitizenMessageSettingsResponse })
  get(@CurrentPrincipal() p: AuthPrincipal) {
    return this.settings.view(p.organizationId);
  }

  @Put('settings')
  @Roles(UserRole.Admin)
  @ApiOperation({
    summary: 'Change the automatic messages (partial; an unknown placeholder is refused by name) (admin)',
  })
  @ApiOkResponse({ type: CitizenMessageSettingsResponse })
  update(@CurrentPrincipal() p: AuthPrincipal, @Body() body: UpdateCitizenMessageSettingsDto) {
    return this.settings.update(p.organizationId, p.userId, body);
  }

  @Post('preview')
  @HttpCode(200)
  @Roles(UserRole.Admin)
  @ApiOperation({ summary: 'A kind’s text (saved or draft) rendered with sample values (admin)' })
  @ApiOkResponse({ type: CitizenMessagePreviewResponse })
  preview(@CurrentPrincipal() p: AuthPrincipal, @Body() body: PreviewCitizenMessageDto) {
    return this.settings.preview(p.organizationId, body.kind, body.language, body.text);
  }
}
