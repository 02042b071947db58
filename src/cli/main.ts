// `npm run -s cli -- <command> [args]`: a small dispatcher so every command shares one entry point.
import { runExtractSlots } from './extract-slots.js';
import type { CliIo } from './extract-slots.js';
import { runPackage } from './package.js';
import { runProvision } from './provision.js';

type Command = (args: readonly string[], io: CliIo) => Promise<number>;

const COMMANDS: Readonly<Record<string, Command>> = {
  'extract-slots': runExtractSlots,
  package: runPackage,
  provision: runProvision,
};

const USAGE = `Gebruik: npm run -s cli -- <opdracht> [opties]

Opdrachten:
  extract-slots [--received JJJJ-MM-DD] [--default-duration MINUTEN]
      Leest een aanmeldmail (RFC 822 of platte tekst) van stdin en schrijft de gemeente,
      de voorkeursmomenten en de open vragen als JSON naar stdout.
  provision [--trainers trainers.json]
      Richt de SharePoint-lijsten in (Workshopaanmeldingen, Workshoplogboek, Workshoptrainers),
      geeft de app schrijfrecht op de site (Sites.Selected), controleert alles en vult
      desgewenst de trainerslijst. Veilig om vaker te draaien. Draait als de inrichtingsapp
      (PROVISION_CLIENT_ID).
  package [--update-committed]
      Maakt en controleert de Teams-app (dist/workshopplanner-<versie>.zip) en het
      XML-manifest voor Outlook (dist/workshopplanner-outlook.xml).
`;

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(USAGE);
    return 0;
  }
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    io.stderr.write(name === undefined ? USAGE : `Onbekende opdracht: ${name}\n\n${USAGE}`);
    return 2;
  }
  return command(args, io);
}

process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
