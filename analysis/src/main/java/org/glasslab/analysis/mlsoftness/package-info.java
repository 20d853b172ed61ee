/**
 * Machine-learned softness (Cubuk et al. 2015, Schoenholz et al. 2016): per-particle structure
 * functions in pair contact distances, rearrangement labels from the event catalogue, a linear SVM
 * (Smile) and the analyses of the softness it defines (P_R(S), Arrhenius fit, events, rank
 * correlation with the caging softness).
 */
package org.glasslab.analysis.mlsoftness;
