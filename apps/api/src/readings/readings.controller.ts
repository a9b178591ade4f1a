import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthPrincipal, CurrentPrincipal, Roles } from '@civic/auth';
import { UserRole } from '@civic/domain';
import { CategoryModelService, ReadingSettingsService } from '@civic/message-readings';
import { ReadingSettingsResponse } from './reading-settings.response';
import { TrainCategoryModelDto } from './train-category-model.dto';
import { UpdateReadingSettingsDto } from './update-reading-settings.dto';

@ApiTags('readings')
@ApiBearerAuth()
@Controller('api/v1/readings')
export class ReadingsController {
  constructor(
    private readonly settings: ReadingSettingsService,
    private readonly models: CategoryModelService,
  ) {}

  @Get('settings')
  @Roles(UserRole.Admin)
  @ApiOperation({ summary: 'Suggestion threshold and the category model’s held-out accuracy (admin)' })
  @ApiOkResponse({ type: ReadingSettingsResponse })
  get(@CurrentPrincipal() p: AuthPrincipal) {
    return this.settings.get(p.organizationId);
  }

  @Put('settings')
  @Roles(UserRole.Admin)
  @ApiOperation({ summary: 'Change the suggestion threshold (admin)' })
  @ApiOkResponse({ type: ReadingSettingsResponse })
  update(@CurrentPrincipal() p: AuthPrincipal, @Body() body: UpdateReadingSettingsDto) {
    return this.settings.update({ organizationId: p.organizationId, userId: p.userId }, body.suggestionThreshold);
  }

  @Post('category-model/train')
  @HttpCode(200)
  @Roles(UserRole.Admin)
  @ApiOperation({ summary: 'Retrain the category model on the organization’s categorized cases now (admin)' })
  @ApiOkResponse({ type: ReadingSettingsResponse })
  // The empty body is validated too, so a stray field is a 400 rather than a retraining.
  async train(@CurrentPrincipal() p: AuthPrincipal, @Body() _body: TrainCategoryModelDto) {
    await this.models.train(p.organizationId);
    return this.settings.get(p.organizationId);
  }
}
