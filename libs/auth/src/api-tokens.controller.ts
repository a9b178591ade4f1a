import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiTokenResponse } from './api-token.response';
import { ApiTokenService } from './api-token.service';
import { AuthPrincipal } from './auth-principal';
import { CurrentPrincipal, SelfService } from './auth.decorators';
import { CreateApiTokenDto } from './create-api-token.dto';
import { CreatedApiTokenResponse } from './created-api-token.response';

/** Any signed-in person may create tokens with a subset of their roles; administrators manage all of them. */
@ApiTags('api tokens')
@ApiBearerAuth()
@Controller('api/v1/api-tokens')
@SelfService()
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokenService) {}

  @Post()
  @ApiCreatedResponse({ type: CreatedApiTokenResponse })
  create(@CurrentPrincipal() principal: AuthPrincipal, @Body() body: CreateApiTokenDto) {
    return this.tokens.create(principal, body);
  }

  @Get()
  @ApiOkResponse({ type: [ApiTokenResponse] })
  list(@CurrentPrincipal() principal: AuthPrincipal) {
    return this.tokens.list(principal);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  revoke(@CurrentPrincipal() principal: AuthPrincipal, @Param('id', ParseUUIDPipe) id: string) {
    return this.tokens.revoke(principal, id);
  }
}
