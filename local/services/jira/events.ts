import type { ProjectRecord } from './store';

/**
 * The payload Forge delivers to a `trigger` subscribed to `avi:jira:updated:project` (Forge "Jira
 * events" reference, section "Project events": all project events share one payload whose fields
 * are `eventType` and `project`). The documented payload names no acting user (unlike, say,
 * component or filter events, which carry an optional `atlassianId`) and carries no changelog, so
 * neither is sent: a consumer that needs the previous values must keep them itself.
 * A type alias rather than an interface so it is assignable to `Record<string, unknown>`, the
 * generic event payload the host's trigger dispatcher takes.
 */
export type ProjectUpdatedEvent = {
  eventType: 'avi:jira:updated:project';
  project: {
    id: string;
    key: string;
    name: string;
    projectTypeKey: string;
  };
};

export type ProjectUpdatedListener = (event: ProjectUpdatedEvent) => void;

export function projectUpdatedEvent(project: ProjectRecord): ProjectUpdatedEvent {
  return {
    eventType: 'avi:jira:updated:project',
    project: {
      id: project.id,
      key: project.key,
      name: project.name,
      projectTypeKey: project.projectTypeKey,
    },
  };
}

export interface EventHub {
  subscribe(listener: ProjectUpdatedListener): void;
  publish(event: ProjectUpdatedEvent): void;
}

/**
 * Listeners run synchronously after the update has committed. A failing listener is logged, not
 * thrown: in Jira the REST call has succeeded whatever happens to event delivery afterwards.
 */
export function createEventHub(): EventHub {
  const listeners: ProjectUpdatedListener[] = [];
  return {
    subscribe: (listener) => void listeners.push(listener),
    publish(event) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (error) {
          console.error('jira fake: a project-updated listener failed', error);
        }
      }
    },
  };
}
