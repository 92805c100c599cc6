import type Resolver from '@forge/resolver';
import type { CatalogueRecord } from '../core/fields/catalogue';
import { catalogueTooLarge } from '../core/fields/catalogue';
import { addField, archiveField, changeField, deleteField } from '../core/fields/catalogue-rules';
import { JIRA_ATTRIBUTES } from '../core/fields/jira-attributes';
import type { CatalogueVerdict } from '../core/fields/catalogue-rules';
import { AppError, invalidFields } from '../errors';
import { readCatalogue, readCatalogueForChange, writeCatalogue } from '../storage/catalogue-store';
import { retryOnConflict } from '../storage/retry-on-conflict';
import { listWebhooks } from '../storage/webhook-store';
import { define } from './define';
import { requireJiraAdmin } from './guards';

/** Applies a change to the latest catalogue; if another admin saved in between, redoes it on theirs. */
function change(apply: (record: CatalogueRecord) => CatalogueVerdict) {
  return retryOnConflict(
    async () => {
      const { record, version } = await readCatalogueForChange();
      const verdict = apply(record);
      if (!verdict.ok) throw invalidFields(verdict.errors);
      const tooLarge = catalogueTooLarge(verdict.record);
      if (tooLarge) throw new AppError('TOO_LARGE', tooLarge);
      await writeCatalogue(verdict.record, version);
      return { field: verdict.field };
    },
    { exhausted: () => new AppError('CONFLICT', 'The field catalogue kept changing while being saved; try again') },
  );
}

export function defineFieldsResolvers(resolver: Resolver): void {
  define(resolver, 'fields/list', async () => {
    await requireJiraAdmin();
    return { fields: (await readCatalogue()).fields, systemFields: Object.values(JIRA_ATTRIBUTES) };
  });

  define(resolver, 'fields/create', async (payload) => {
    await requireJiraAdmin();
    return change((record) => addField(record, payload));
  });

  define(resolver, 'fields/update', async (payload) => {
    await requireJiraAdmin();
    return change((record) => changeField(record, payload));
  });

  define(resolver, 'fields/archive', async ({ id, archived }) => {
    await requireJiraAdmin();
    return change((record) => archiveField(record, id, archived));
  });

  define(resolver, 'fields/delete', async ({ id }) => {
    await requireJiraAdmin();
    // Read once, before the catalogue: a webhook saved with this field after the delete fails its own check of the filter.
    const usedBy = (await listWebhooks()).filter((w) => w.filters.fields?.includes(id)).map((w) => w.name);
    await change((record) => deleteField(record, id, usedBy));
    return { deleted: true as const };
  });
}
