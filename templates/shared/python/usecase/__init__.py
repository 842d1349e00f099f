"""The ${{ values.name }} use case (see mlops.yaml for its objective)."""
