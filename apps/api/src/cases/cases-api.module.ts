import { Module } from '@nestjs/common';
import { CasesModule } from '@civic/cases';
import { NeighbourhoodsController } from '../neighbourhoods/neighbourhoods.controller';
import { CaseCategoriesController } from './case-categories.controller';
import { CaseMapController } from './case-map.controller';
import { CasePhotoLocationController } from './case-photo-location.controller';
import { CasePublicSettingsController } from './case-public-settings.controller';
import { CaseWebhookController } from './case-webhook.controller';
import { CasesController } from './cases.controller';
import { DepartmentsController } from './departments.controller';
import { ManualCasesController } from './manual-cases.controller';
import { PublicTransparencyController } from './public-transparency.controller';
import { RoutingRulesController } from './routing-rules.controller';

@Module({
  imports: [CasesModule],
  controllers: [
    ManualCasesController,
    CaseMapController,
    CasesController,
    CasePhotoLocationController,
    DepartmentsController,
    CaseCategoriesController,
    RoutingRulesController,
    CaseWebhookController,
    CasePublicSettingsController,
    PublicTransparencyController,
    NeighbourhoodsController,
  ],
})
export class CasesApiModule {}
