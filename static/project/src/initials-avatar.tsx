import Avatar, { AvatarContent } from '@atlaskit/avatar';
import { Box, Inline, Text, xcss } from '@atlaskit/primitives';
import { backgroundFor, initialsOf } from './initials';

const faceStyles = xcss({
  width: '100%',
  height: '100%',
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  font: 'font.body.small',
  fontWeight: 'font.weight.semibold',
  color: 'color.text',
});

export interface NamedAvatarProps {
  /** The account or project id: the colour follows it. */
  id: string;
  name: string;
  /** What is written beside the avatar (a project's "Name (KEY)"); the name when absent. */
  label?: string;
  square?: boolean;
  /** `xsmall` (16 px, one letter) fits inside a tag. */
  size?: 'xsmall' | 'small';
  testId?: string;
}

/**
 * An Atlaskit avatar drawn from initials, beside the name. Jira's avatar pictures would need the app to declare
 * their domains (`permissions.external.images`) and are not always served to an iframe without authentication
 * (Forge's known issue for Jira media; docs/forge-platform.md, "Project page"), so the page draws its own and loads
 * nothing from elsewhere. The avatar is decorative: the name beside it is what is read out.
 */
export function NamedAvatar({ id, name, label, square = false, size = 'small', testId }: NamedAvatarProps) {
  const initials = initialsOf(name);
  return (
    <Inline space="space.075" alignBlock="center" {...(testId ? { testId } : {})}>
      <Avatar size={size} appearance={square ? 'square' : 'circle'}>
        <AvatarContent>
          <Box xcss={faceStyles} backgroundColor={backgroundFor(id)}>
            <span aria-hidden="true">{size === 'xsmall' ? initials.slice(0, 1) : initials}</span>
          </Box>
        </AvatarContent>
      </Avatar>
      <Text>{label ?? name}</Text>
    </Inline>
  );
}
