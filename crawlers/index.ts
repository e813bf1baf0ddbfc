import type { SourceDefinition } from '../src/sources.js'
import { arsTechnica } from './ars-technica.js'
import { basicThinking } from './basic-thinking.js'
import { bbcTechnology } from './bbc-technology.js'
import { caschysBlog } from './caschys-blog.js'
import { computerbase } from './computerbase.js'
import { derstandardWeb } from './derstandard-web.js'
import { deutscheStartups } from './deutsche-startups.js'
import { engadget } from './engadget.js'
import { geekwire } from './geekwire.js'
import { golem } from './golem.js'
import { guardianTechnology } from './guardian-technology.js'
import { heise } from './heise.js'
import { mitTechnologyReview } from './mit-technology-review.js'
import { netzpolitik } from './netzpolitik.js'
import { siliconRepublic } from './silicon-republic.js'
import { siliconangle } from './siliconangle.js'
import { spiegelNetzwelt } from './spiegel-netzwelt.js'
import { t3n } from './t3n.js'
import { techcrunch } from './techcrunch.js'
import { techrepublic } from './techrepublic.js'
import { theDecoderDe } from './the-decoder-de.js'
import { theDecoderEn } from './the-decoder-en.js'
import { theNextWeb } from './the-next-web.js'
import { theRegister } from './the-register.js'
import { theVerge } from './the-verge.js'
import { venturebeat } from './venturebeat.js'
import { winfuture } from './winfuture.js'
import { wired } from './wired.js'
import { zdnet } from './zdnet.js'
import { zeitDigital } from './zeit-digital.js'

/**
 * Every shipped source: English first, then German. Schedules use different minute offsets so
 * that polls spread across the hour instead of all firing at :00 and :30.
 */
export const sources: readonly SourceDefinition[] = Object.freeze([
  techcrunch,
  theVerge,
  arsTechnica,
  wired,
  venturebeat,
  mitTechnologyReview,
  theRegister,
  theDecoderEn,
  engadget,
  zdnet,
  theNextWeb,
  siliconRepublic,
  geekwire,
  siliconangle,
  techrepublic,
  guardianTechnology,
  bbcTechnology,
  heise,
  golem,
  t3n,
  theDecoderDe,
  netzpolitik,
  computerbase,
  winfuture,
  deutscheStartups,
  basicThinking,
  zeitDigital,
  spiegelNetzwelt,
  derstandardWeb,
  caschysBlog,
])
