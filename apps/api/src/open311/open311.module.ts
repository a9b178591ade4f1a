import { Module } from '@nestjs/common';
import { CasesModule } from '@civic/cases';
import { Open311Controller } from './open311.controller';
import { Open311Service } from './open311.service';

/** Open311 GeoReport v2 read endpoints over the cases (organizations with public data on). */
@Module({ imports: [CasesModule], controllers: [Open311Controller], providers: [Open311Service] })
export class Open311Module {}
