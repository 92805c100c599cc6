import type { RawValue } from '../../../../src/contract/fields';
import type { Names } from '../names';
import { DateEditor } from './date-editor';
import { DurationEditor } from './duration-editor';
import type { EditorProps } from './editor-props';
import type { Pick } from '../picks';
import { LookupPicker } from './lookup-picker';
import { NumberEditor } from './number-editor';
import { OptionSelect } from './option-select';
import { TextEditor } from './text-editor';
import { TextareaEditor } from './textarea-editor';

export interface EditorForTypeProps extends EditorProps {
  stored: RawValue | null | undefined;
  names: Names;
  onPicked: (picks: readonly Pick[]) => void;
}

/** The Atlaskit editor that fits the field's type. */
export function EditorForType({ stored, names, onPicked, ...props }: EditorForTypeProps) {
  switch (props.field.type) {
    case 'text':
      return <TextEditor {...props} />;
    case 'textarea':
      return <TextareaEditor {...props} />;
    case 'number':
      return <NumberEditor {...props} />;
    case 'date':
      return <DateEditor {...props} />;
    case 'duration':
      return <DurationEditor {...props} />;
    case 'status':
    case 'priority':
    case 'list':
    case 'multilist':
      return <OptionSelect {...props} stored={stored} />;
    case 'user':
    case 'multiuser':
    case 'project':
    case 'multiproject':
      return <LookupPicker {...props} names={names} onPicked={onPicked} />;
  }
}
