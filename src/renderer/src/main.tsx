import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app'
import { chooseBridge } from './bridge'
import { BridgeProvider } from './bridge-context'
import { StoresProvider } from './store-context'
import { createWindowStores } from './stores/window-stores'
import './styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('The page has no #root element')
const bridge = chooseBridge()
createRoot(root).render(
  <StrictMode>
    <BridgeProvider bridge={bridge}>
      <StoresProvider stores={createWindowStores(bridge)}>
        <App />
      </StoresProvider>
    </BridgeProvider>
  </StrictMode>,
)
