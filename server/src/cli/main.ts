// Entry point of the gitops-waves command (filled in by the CLI module).
process.stdout.write('gitops-waves: not built yet\n');
