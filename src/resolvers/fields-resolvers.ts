import type Resolver from '@forge/resolver';
import { invalidFields } from '../errors';
import { addField, changeField } from '../fields/catalogue-rules';
import type { CatalogueVerdict } from '../fields/catalogue-rules';
import { readCatalogue, writeCatalogue } from '../storage/catalogue-store';
import { define } from './define';
import { requireJiraAdmin } from './guards';

async function save(verdict: CatalogueVerdict) {
  if (!verdict.ok) throw invalidFields(verdict.errors);
  await writeCatalogue(verdict.record);
  return { field: verdict.field };
}

export function defineFieldsResolvers(resolver: Resolver): void {
  define(resolver, 'fields/list', async () => {
    await requireJiraAdmin();
    return { fields: (await readCatalogue()).fields };
  });

  define(resolver, 'fields/create', async (payload) => {
    await requireJiraAdmin();
    return save(addField(await readCatalogue(), payload));
  });

  define(resolver, 'fields/update', async (payload) => {
    await requireJiraAdmin();
    return save(changeField(await readCatalogue(), payload));
  });
}
