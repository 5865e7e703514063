"""Small widgets the Pathfinder screens are built from."""
