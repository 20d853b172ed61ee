package org.glasslab.minimize;

/**
 * Convergence data of one frame of an inherent-structure trajectory (one row of the table written
 * next to it).
 *
 * @param frame frame index (the same in the MD and the IS trajectory)
 * @param step MD step of the frame
 * @param time simulation time of the frame [time]
 * @param energy IS total potential energy [energy]
 * @param energyPerParticle IS potential energy per particle [energy]
 * @param maxForce largest force component at the IS [energy/length]
 * @param forceNorm Euclidean norm of the force vector at the IS [energy/length]
 * @param iterations minimizer iterations
 * @param forceEvaluations force evaluations
 * @param converged true when the force criterion holds
 * @param stopReason why the minimizer stopped
 * @param wallSeconds wall time of this frame's minimization [s]
 * @param resumed true when this frame was read back from an earlier (interrupted) run
 */
public record FrameResult(
    int frame,
    long step,
    double time,
    double energy,
    double energyPerParticle,
    double maxForce,
    double forceNorm,
    int iterations,
    long forceEvaluations,
    boolean converged,
    StopReason stopReason,
    double wallSeconds,
    boolean resumed) {}
