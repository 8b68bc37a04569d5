/** For contract commands not built yet: exit 2 with a clear line (CONTRACT: "exits with status 2 and says so"). */
import { NotBuiltError } from '../../core/errors.js';

export function notBuilt(command: string): () => never {
  return () => {
    throw new NotBuiltError(`\`superionic ${command}\``);
  };
}
