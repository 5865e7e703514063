"""The screens of the Pathfinder terminal app, one module each."""
