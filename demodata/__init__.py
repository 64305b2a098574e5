"""The fictional demo: its exports (`exports`, also used by bench/) and loading them like real uploads (`laden`)."""
