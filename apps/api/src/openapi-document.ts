import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** The OpenAPI document served at /docs; scripts/web-types.ts writes the web client's types from it. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('civic-inbox API')
      .setDescription('Unified social inbox for municipalities: Facebook, Instagram, X and WhatsApp in one place')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
}
