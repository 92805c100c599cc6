import type Resolver from '@forge/resolver';
import { AppError, invalidFields } from '../errors';
import { addField, changeField } from '../core/fields/catalogue-rules';
import type { CatalogueVerdict } from '../core/fields/catalogue-rules';
import { readCatalogue, readCatalogueForChange, writeCatalogue } from '../storage/catalogue-store';
import type { CatalogueRecord } from '../core/fields/catalogue';
import { ConcurrentWriteError } from '../storage/versioned-write';
import { define } from './define';
import { requireJiraAdmin } from './guards';

/** Applies a change to the latest catalogue; if another admin saved in between, redoes it on theirs. */
async function change(apply: (record: CatalogueRecord) => CatalogueVerdict) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    const { record, version } = await readCatalogueForChange();
    const verdict = apply(record);
    if (!verdict.ok) throw invalidFields(verdict.errors);
    try {
      await writeCatalogue(verdict.record, version);
      return { field: verdict.field };
    } catch (error) {
      if (!(error instanceof ConcurrentWriteError)) throw error;
    }
  }
  throw new AppError('CONFLICT', 'The field catalogue kept changing while being saved; try again');
}

export function defineFieldsResolvers(resolver: Resolver): void {
  define(resolver, 'fields/list', async () => {
    await requireJiraAdmin();
    return { fields: (await readCatalogue()).fields };
  });

  define(resolver, 'fields/create', async (payload) => {
    await requireJiraAdmin();
    return change((record) => addField(record, payload));
  });

  define(resolver, 'fields/update', async (payload) => {
    await requireJiraAdmin();
    return change((record) => changeField(record, payload));
  });
}
