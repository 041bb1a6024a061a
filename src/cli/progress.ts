// A progress bar on a terminal for batch work; silent when output is piped, so logs and CI stay clean.
import cliProgress from 'cli-progress';

export interface Progress {
  setTotal(total: number): void;
  tick(label?: string): void;
  stop(): void;
}

export function createProgress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { setTotal() {}, tick() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {value}/{total} {item}`, stream, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let total = 0;
  return {
    setTotal(value: number) {
      total = value;
      if (!started) bar.start(total, 0, { item: '' });
      else bar.setTotal(total);
      started = true;
    },
    tick(item = '') {
      if (!started) this.setTotal(total + 1);
      bar.increment(1, { item });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
