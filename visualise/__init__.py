"""Interactive graph pages and plots."""
