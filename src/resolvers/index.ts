import Resolver from '@forge/resolver';
import { defineApiKeyResolvers } from './api-key-resolvers';
import { defineAppResolvers } from './app-resolvers';
import { defineFieldsResolvers } from './fields-resolvers';
import { defineLookupResolvers } from './lookup-resolvers';
import { defineValuesResolvers } from './values-resolvers';
import { defineDeliveryResolvers } from './delivery-resolvers';
import { defineWebhookResolvers } from './webhook-resolvers';

const resolver = new Resolver();
defineAppResolvers(resolver);
defineFieldsResolvers(resolver);
defineValuesResolvers(resolver);
defineLookupResolvers(resolver);
defineApiKeyResolvers(resolver);
defineWebhookResolvers(resolver);
defineDeliveryResolvers(resolver);

export const handler = resolver.getDefinitions();
