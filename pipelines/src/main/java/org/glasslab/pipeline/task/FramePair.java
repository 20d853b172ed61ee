package org.glasslab.pipeline.task;

import org.glasslab.data.Configuration;

/**
 * Two frames of the same particles: the reference (the frame whose neighbourhoods and images are
 * used) and the current one.
 */
public record FramePair(Configuration ref, Configuration cur) {}
