import '../../shared/controls.css';
import type { FieldDefinition } from '../../../src/contract/fields';
import type { Choice } from './field-choices';
import type { Draft } from './field-draft';

export interface FieldInputProps {
  field: FieldDefinition;
  draft: Draft;
  choices: readonly Choice[];
  onChange: (draft: Draft) => void;
  /** Id of the element describing the field (helper text, error), for assistive technology. */
  describedBy: string | undefined;
  invalid: boolean;
  disabled: boolean;
}

export function inputId(field: FieldDefinition): string {
  return `field-${field.id}-input`;
}

/**
 * The native control fitting a field's type. Native inputs keep keyboard, screen-reader and
 * browser-test behaviour predictable; `field-input-<id>` is on the control itself.
 */
export function FieldInput({ field, draft, choices, onChange, describedBy, invalid, disabled }: FieldInputProps) {
  const common = {
    id: inputId(field),
    className: 'pr-control',
    'data-testid': `field-input-${field.id}`,
    'aria-describedby': describedBy,
    'aria-invalid': invalid,
    disabled,
  };
  const text = Array.isArray(draft) ? (draft[0] ?? '') : draft;

  switch (field.type) {
    case 'textarea':
      return <textarea {...common} rows={4} value={text} onChange={(event) => onChange(event.target.value)} />;
    case 'number':
      return <input {...common} type="number" step="any" inputMode="decimal" value={text} onChange={(event) => onChange(event.target.value)} />;
    case 'date':
      return <input {...common} type="date" value={text} onChange={(event) => onChange(event.target.value)} />;
    case 'duration':
      return <input {...common} type="text" placeholder="e.g. 2w 3d 4h 30m" value={text} onChange={(event) => onChange(event.target.value)} />;
    case 'multilist':
    case 'multiuser':
    case 'multiproject': {
      const selected = Array.isArray(draft) ? draft : [];
      return (
        <select
          {...common}
          multiple
          size={Math.min(Math.max(choices.length, 3), 8)}
          value={selected}
          onChange={(event) => onChange(Array.from(event.target.selectedOptions, (option) => option.value))}
        >
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      );
    }
    case 'priority':
    case 'status':
    case 'list':
    case 'user':
    case 'project':
      return (
        <select {...common} value={text} onChange={(event) => onChange(event.target.value)}>
          <option value="">None</option>
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      );
    default:
      return <input {...common} type="text" maxLength={255} value={text} onChange={(event) => onChange(event.target.value)} />;
  }
}
