import { START, type CheckpointStore, type GlobalPosition } from '../event-store.port';

export class InMemoryCheckpointStore implements CheckpointStore {
  private readonly positions = new Map<string, GlobalPosition>();

  async load(name: string): Promise<GlobalPosition> {
    return this.positions.get(name) ?? START;
  }

  async store(name: string, position: GlobalPosition): Promise<void> {
    this.positions.set(name, position);
  }
}
