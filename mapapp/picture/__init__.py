"""The map drawn as a picture: scene, layout, labels, drawing."""
