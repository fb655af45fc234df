"""The pure core: vocabulary and models, answers and assessment, matching, plan assembly, workshop data.

No file I/O, no terminal, no rich, no questionary: everything here takes models and returns models.
"""
