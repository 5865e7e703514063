"""Developer tools over the questionnaire: draw it, check it, walk its paths,
and list the assessments. Each command is a module with `main(argv) -> int`."""
